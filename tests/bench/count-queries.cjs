// Preloaded (node --require) into the app server the page bench starts: counts the SQL
// statements the app sends to the driver (better-sqlite3 prepare, pg query), as
// tests/dashboards/query-count.test.ts does, and answers the running total on
// BENCH_QUERY_COUNT_PORT so the bench can read it before and after one request.
const http = require("node:http");
const Database = require("better-sqlite3");
const pg = require("pg");

const TRANSACTION = /^\s*(BEGIN|COMMIT|ROLLBACK|SAVEPOINT|RELEASE)/i;
let count = 0;
const prepare = Database.prototype.prepare;
Database.prototype.prepare = function (sql, ...rest) {
  if (!TRANSACTION.test(sql)) count++;
  return prepare.call(this, sql, ...rest);
};
const query = pg.Client.prototype.query;
pg.Client.prototype.query = function (...args) {
  const text = typeof args[0] === "string" ? args[0] : (args[0] && args[0].text) || "";
  if (!TRANSACTION.test(text)) count++;
  return query.apply(this, args);
};
// Node also runs --require preloads in the module-hooks thread tsx starts: listen only in the main one.
const port = Number(process.env.BENCH_QUERY_COUNT_PORT);
if (port && require("node:worker_threads").isMainThread) {
  const server = http.createServer((_req, res) => res.end(String(count)));
  server.listen(port, "127.0.0.1");
  server.unref();
}
