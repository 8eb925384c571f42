/** A YAML single-quoted scalar: written literally, `'` doubled (the workflow generator's values). */
export const q = (s: string) => `'${s.replaceAll("'", "''")}'`;
