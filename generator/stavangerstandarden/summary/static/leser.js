// The page's side of the Sammendrag page's worker, for each page that runs the project's
// Python in it (the Sammendrag page and the Kommune page).
// The worker is started from a blob: URL so that the page's policy (requests only to this
// site) binds it too; `data` is the page's JSON: worker, pyodide, index, bundle, and `module`,
// the Python module whose `summarise_folder` the worker calls. A run that takes too long is
// stopped, the worker started again, and the run rejected with `timeoutMessage`. `on.stage(step,
// steps)`: how far getting ready has come; `on.progress(done, total)`: files read in a run.
// Nothing is fetched until the first run (or `ready()`): a visit that chooses no file costs
// only the page; a load that failed (offline on a first visit) is tried again at the next run.
const url = (path) => new URL(path, document.baseURI).href;

export function startReader(data, timeoutMessage, on = {}) {
  let worker = null;
  let ready = null;
  let running = null; // {resolve, reject, timer} of the run under way

  function finish(settle) {
    const r = running;
    running = null;
    clearTimeout(r.timer);
    settle(r);
  }

  function start() {
    const boot = new Blob([`import ${JSON.stringify(url(data.worker))};`], { type: "text/javascript" });
    const bootUrl = URL.createObjectURL(boot);
    worker = new Worker(bootUrl, { type: "module" });
    ready = new Promise((resolve, reject) => {
      worker.onmessage = ({ data: m }) => {
        if (m.type === "ready") { URL.revokeObjectURL(bootUrl); resolve(); }
        else if (m.type === "stage") { if (!running) on.stage?.(m.step, m.steps); }
        else if (m.type === "progress") { if (running) on.progress?.(m.done, m.total); }
        else if (m.type === "load_failed") reject(new Error(m.error));
        else if (running && m.type === "done") finish((r) => r.resolve(m.result));
        else if (running && m.type === "failed") finish((r) => r.reject(new Error(m.error)));
      };
      worker.onerror = (event) => {
        event.preventDefault();
        const error = new Error(event.message || "worker");
        if (running) finish((r) => r.reject(error)); else reject(error);
      };
    });
    worker.postMessage({ type: "load", pyodide: url(data.pyodide), index: url(data.index),
                         bundle: url(data.bundle), module: data.module });
    return ready;
  }

  // One run: `message` ({files: [{path, data}], ...options}) with its buffers transferred.
  async function run(message) {
    await load();
    const limit = 60000 + 500 * message.files.length;
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        running = null;
        worker.terminate();
        start().catch(() => {});
        reject(new Error(timeoutMessage));
      }, limit);
      running = { resolve, reject, timer };
      worker.postMessage({ type: "run", ...message }, message.files.map((f) => f.data));
    });
  }

  function load() {
    if (!ready) {
      const loading = start();
      loading.catch(() => { if (ready === loading) { worker.terminate(); ready = null; } });
    }
    return ready;
  }

  return { ready: load, run };
}
