// Sync tests run the real client (Dexie) in Node beside the real server: give it an
// IndexedDB before any module captures the global.
import 'fake-indexeddb/auto';
