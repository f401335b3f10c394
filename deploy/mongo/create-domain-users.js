// Runs once, when the MongoDB volume is empty (the official image's /docker-entrypoint-initdb.d,
// in mongosh, as the root user). For every <DOMAIN>_MONGODB_URL_FILE in the environment (a secret:
// the very URL that domain connects with) it creates the URL's user with readWrite on the URL's
// database only. The password thus lives in one secret.
//
// It creates only the users that are missing, so for a domain added to a running stack it is run
// again by hand in the MongoDB task (deploy/README.md, "Add a domain to a running stack").
//
// The URL's password must be URL-safe or percent-encoded: `openssl rand -hex 24` makes one.
const fs = require('fs');

function createDomainUser(variable) {
  const url = new URL(fs.readFileSync(process.env[variable], 'utf8').trim());
  const database = url.pathname.replace(/^\//, '');
  const user = decodeURIComponent(url.username);
  if (!/^mongodb:$/.test(url.protocol) || !user || !url.password || !database) {
    throw new Error(`create-domain-users: ${variable} must name a URL mongodb://<user>:<password>@<host>/<database>`);
  }
  const domainDb = db.getSiblingDB(database);
  if (domainDb.getUser(user) !== null) {
    print(`create-domain-users: user ${user} on database ${database} exists (from ${variable})`);
    return;
  }
  domainDb.createUser({
    user,
    pwd: decodeURIComponent(url.password),
    roles: [{ role: 'readWrite', db: database }],
  });
  print(`create-domain-users: user ${user} on database ${database} (from ${variable})`);
}

const variables = Object.keys(process.env)
  .filter((name) => /^[A-Z0-9_]+_MONGODB_URL_FILE$/.test(name))
  .sort();
if (variables.length === 0) {
  throw new Error('create-domain-users: no <DOMAIN>_MONGODB_URL_FILE variable: no domain user created');
}
variables.forEach(createDomainUser);
