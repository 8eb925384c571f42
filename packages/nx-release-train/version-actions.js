// `nx-release-train/version-actions`: the path nx.json's release.version.versionActions names.
module.exports = require('./dist/release/version-actions');
