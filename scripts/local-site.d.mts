import type { ChildProcess } from 'node:child_process';

/** Debian's Chromium unless CHROME_PATH names another. */
export declare const CHROMIUM_PATH: string;
/** Flags for a quiet Chromium on a machine that may have no GPU, no sandbox and no network beyond the site. */
export declare const CHROMIUM_FLAGS: readonly string[];
/** A TCP port nobody listens on now: `preferred` if it is free, else any. */
export declare function findFreePort(preferred?: number): Promise<number>;
/** Serves the build in `dist` on `port` and resolves once it answers, with the server and the site's URL. */
export declare function serveSite(dist: string, port: number): Promise<{ server: ChildProcess; url: string }>;
/** Stops a server from `serveSite`: SIGTERM, then SIGKILL if open keep-alive connections hold it up. */
export declare function stopSite(server: ChildProcess): Promise<void>;
