// npm puts node_modules/.bin first on PATH for scripts, so `node` here is the
// pinned Node 24 from the `node` devDependency. Fail loudly if it is not.
const major = Number(process.versions.node.split('.')[0]);
if (major !== 24) {
  console.error(`[vitrine] expected Node 24 (from the "node" devDependency), got ${process.version}. Run "npm install" first.`);
  process.exit(1);
}
