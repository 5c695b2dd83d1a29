// Read PDF forms with this package's reader on the pypdf engine inside Pyodide (CPython on
// WebAssembly, as the browser runs it) and print JSON: for each file its reason or raw form,
// the Python and pypdf versions, whether pikepdf or resource were imported, and the
// milliseconds a form of a second pass (the first one warms up).
//
//   node tests/collect/pyodide_read.mjs PYPDF_DIR GENERATOR_DIR FORMS_DIR
// PYPDF_DIR is an installed pypdf package (pure Python); only the reader's modules are
// imported, not the package's __init__ (the loader needs PyYAML, which the page loads).
import { loadPyodide } from "pyodide";

const READ = `
import json, os, shutil, sys, time, types
shutil.copytree("/mnt/pypdf", "/tmp/lib/pypdf")
sys.path.insert(0, "/tmp/lib")
package = types.ModuleType("stavangerstandarden")
package.__path__ = ["/mnt/generator/stavangerstandarden"]
sys.modules["stavangerstandarden"] = package
from stavangerstandarden.collect.inputs import read_data

names = sorted(os.listdir("/mnt/forms"))
data = {name: open("/mnt/forms/" + name, "rb").read() for name in names}
reads = {name: read_data(name, data[name], "pypdf") for name in names}
start = time.perf_counter()
for name in names:
    read_data(name, data[name], "pypdf")
per_form = (time.perf_counter() - start) * 1000 / max(len(names), 1)
json.dumps({
    "python": sys.version.split()[0], "pypdf": sys.modules["pypdf"].__version__,
    "imported": sorted(m for m in ("pikepdf", "resource") if m in sys.modules),
    "ms_per_form": per_form,
    "files": {n: [r.reason, r.form and [r.form.texts, r.form.choices, r.form.repaired]]
              for n, r in reads.items()},
})
`;

async function main([pypdf, generator, forms]) {
  if (!forms) throw new Error("usage: pyodide_read.mjs PYPDF_DIR GENERATOR_DIR FORMS_DIR");
  const py = await loadPyodide();
  for (const [where, root] of [["/mnt/pypdf", pypdf], ["/mnt/generator", generator],
    ["/mnt/forms", forms]]) {
    py.FS.mkdirTree(where);
    py.FS.mount(py.FS.filesystems.NODEFS, { root }, where);
  }
  process.stdout.write(py.runPython(READ));
}

main(process.argv.slice(2)).catch((err) => {
  console.error(err);
  process.exit(1);
});
