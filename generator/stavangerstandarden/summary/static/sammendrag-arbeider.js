// The Sammendrag page's worker: Pyodide with the project's Python bundle. Each run writes the
// chosen files into a fresh folder of Pyodide's in-memory file system, calls
// `stavangerstandarden.collect.browser.summarise_folder` and removes the folder again. It says
// how far it has come: each step of getting ready ("stage"), each file read ("progress").
const STEPS = 3;
const stage = (step) => self.postMessage({ type: "stage", step, steps: STEPS });
let pyodide = null;
let summariseFolder = null;
let runs = 0;

async function load({ pyodide: library, index, bundle }) {
  stage(0);
  const { loadPyodide } = await import(library);
  const response = fetch(bundle);
  pyodide = await loadPyodide({ indexURL: index, stdout: () => {}, stderr: () => {} });
  stage(1);
  const got = await response;
  if (!got.ok) throw new Error(`${got.status} ${bundle}`);
  const site = pyodide.runPython("import sysconfig; sysconfig.get_paths()['purelib']");
  pyodide.unpackArchive(new Uint8Array(await got.arrayBuffer()), "zip", { extractDir: site });
  stage(2);
  summariseFolder = pyodide.pyimport("stavangerstandarden.collect.browser").summarise_folder;
  stage(3);
}

function removeTree(FS, path) {
  for (const name of FS.readdir(path)) {
    if (name === "." || name === "..") continue;
    const child = `${path}/${name}`;
    if (FS.isDir(FS.stat(child).mode)) removeTree(FS, child); else FS.unlink(child);
  }
  FS.rmdir(path);
}

function run({ files, names, language, previous }) {
  const FS = pyodide.FS;
  runs += 1;
  const root = `/innboks-${runs}`;
  FS.mkdirTree(root);
  try {
    for (const { path, data } of files) {
      const full = `${root}/${path}`;
      FS.mkdirTree(full.slice(0, full.lastIndexOf("/")));
      FS.writeFile(full, new Uint8Array(data));
    }
    const progress = (done, total) => self.postMessage({ type: "progress", done, total });
    const json = summariseFolder.callKwargs(root, { names, language, progress,
                                                    ...(previous == null ? {} : { previous }) });
    return JSON.parse(json);
  } finally {
    FS.chdir("/");
    removeTree(FS, root);
  }
}

self.addEventListener("message", async ({ data: message }) => {
  if (message.type === "load") {
    try {
      await load(message);
      self.postMessage({ type: "ready" });
    } catch (error) {
      self.postMessage({ type: "load_failed", error: String(error?.message ?? error) });
    }
  } else if (message.type === "run") {
    try {
      self.postMessage({ type: "done", result: run(message) });
    } catch (error) {
      self.postMessage({ type: "failed", error: String(error?.message ?? error).split("\n").slice(-2).join(" ") });
    }
  }
});
