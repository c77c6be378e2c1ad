import type { BlobStore } from './blob-store';
import type { SqlClient } from './store/sql-client';

/** What the app is built from; tests pass an in-memory database and a fixed clock. */
export interface ServerDeps {
  db: SqlClient;
  /** Photos and documents by sha-256, on disk under DATA_DIR/blobs. */
  blobs: BlobStore;
  now: () => Date;
  randomBytes: (size: number) => Uint8Array;
  /** The built PWA (vite build output); omitted in API-only tests. */
  staticDir?: string;
  /** Unexpected errors go here; only the entry point decides that this means the console. */
  logError: (error: unknown) => void;
  /** Changes per pulled page; tests make it small to exercise paging. */
  pageSize?: number;
}
