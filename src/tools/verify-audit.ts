import { readConfig } from '../server/config';
import { loadAuditChain } from '../server/audit/audit-queries';
import { verifyAuditChain } from '../server/audit/verify-audit-chain';
import { openDatabase } from '../server/open-database';

/**
 * `node --import tsx src/tools/verify-audit.ts`: checks the score audit log's hash chain
 * in the database the server uses (DATA_DIR or DATABASE_URL, as src/server/config.ts reads
 * them). Prints the result as JSON; exits 1 when the chain is broken. With PGlite the
 * server must be stopped first: only one process may open its data directory.
 */
async function main(): Promise<number> {
  const { db, lock } = await openDatabase(readConfig(process.env));
  try {
    const { rows, head } = await loadAuditChain(db);
    const result = verifyAuditChain(rows, head);
    console.log(JSON.stringify(result));
    return result.ok ? 0 : 1;
  } finally {
    await db.close();
    lock?.release();
  }
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exitCode = 2;
  },
);
