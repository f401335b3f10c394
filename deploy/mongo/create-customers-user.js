// Runs once, when the MongoDB volume is empty (the official image's /docker-entrypoint-initdb.d,
// in mongosh, as the root user). Creates the user of the customers domain from the very URL that
// domain connects with (the customers_mongodb_url secret), with readWrite on the URL's database
// only. The password thus lives in one secret.
const fs = require('fs');

const file = process.env.CUSTOMERS_MONGODB_URL_FILE;
if (!file) throw new Error('create-customers-user: CUSTOMERS_MONGODB_URL_FILE is not set');
const url = new URL(fs.readFileSync(file, 'utf8').trim());
const database = url.pathname.replace(/^\//, '');
const user = decodeURIComponent(url.username);
if (!user || !url.password || !database) {
  throw new Error('create-customers-user: the URL must be mongodb://<user>:<password>@<host>/<database>');
}

db.getSiblingDB(database).createUser({
  user,
  pwd: decodeURIComponent(url.password),
  roles: [{ role: 'readWrite', db: database }],
});
print(`create-customers-user: user ${user} on database ${database}`);
