// n8n loads this package through the "n8n" section of package.json (compiled files under dist/);
// nothing is exported from the package root.
module.exports = {};
