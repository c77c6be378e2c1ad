// The little of PouchDB and express-pouchdb that the yardstick benchmark uses. (DefinitelyTyped's
// @types/pouchdb-core declares a global Buffer that breaks Node's, so it is not used.)

declare namespace PouchDB {
  interface Options {
    adapter?: string;
  }
  type Doc<T> = T & { _id: string; _rev: string };
  interface ReplicationResult {
    ok: boolean;
    docs_read: number;
    docs_written: number;
  }
  interface ReplicationOptions {
    batch_size?: number;
  }
  interface Database<T extends object> {
    info(): Promise<{ db_name: string; doc_count: number }>;
    bulkDocs(docs: (T & { _id: string; _rev?: string })[]): Promise<unknown[]>;
    get(id: string): Promise<Doc<T>>;
    destroy(): Promise<unknown>;
    replicate: {
      to(target: Database<T>, options?: ReplicationOptions): Promise<ReplicationResult>;
      from(source: Database<T>, options?: ReplicationOptions): Promise<ReplicationResult>;
    };
    sync(
      other: Database<T>,
      options?: ReplicationOptions,
    ): Promise<{ push: ReplicationResult; pull: ReplicationResult }>;
  }
  interface Static {
    new <T extends object>(name: string, options?: Options): Database<T>;
    plugin(plugin: Plugin): Static;
    defaults(options: Options): Static;
  }
  type Plugin = object;
}

declare module 'pouchdb-core' {
  const PouchDB: PouchDB.Static;
  export default PouchDB;
}
declare module 'pouchdb-adapter-memory' {
  const plugin: PouchDB.Plugin;
  export default plugin;
}
declare module 'pouchdb-adapter-http' {
  const plugin: PouchDB.Plugin;
  export default plugin;
}
declare module 'pouchdb-replication' {
  const plugin: PouchDB.Plugin;
  export default plugin;
}

declare module 'express-pouchdb' {
  import type { RequestListener } from 'node:http';

  interface ExpressPouchDBOptions {
    mode?: 'fullCouchDB' | 'minimumForPouchDB' | 'custom';
    /** Keep the CouchDB configuration in memory instead of writing config.json. */
    inMemoryConfig?: boolean;
    overrideMode?: { include?: string[]; exclude?: string[] };
  }

  /** An Express app (a Node request listener) serving CouchDB's HTTP API from `PouchDB`. */
  const expressPouchDB: (
    PouchDB: PouchDB.Static,
    options?: ExpressPouchDBOptions,
  ) => RequestListener;
  export default expressPouchDB;
}
