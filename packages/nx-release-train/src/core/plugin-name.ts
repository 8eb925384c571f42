/**
 * The plugin's name, as nx.json registers it (`plugins: ["nx-release-train"]`) and executors
 * are addressed (`nx-release-train:publish`). Written once here; plugin-name.spec.ts holds it
 * equal to the package's name.
 */
export const PLUGIN_NAME = 'nx-release-train';
