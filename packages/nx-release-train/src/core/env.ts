/** The environment as the executor read it once (commands never read `process.env`). */
export type Env = Readonly<Record<string, string | undefined>>;
