// How to subscribe to a stream, for three kinds of consumers: a look with curl, a mesh domain in
// TypeScript (input port + defineConsumer), and a program in another stack (Python, redis-py).

import { el } from './dom.js';

export function renderSnippets(product, port, catalogOrigin, consumerName = 'my-domain') {
  const types = port.events.map((event) => event.type);
  const snippets = [
    ['curl', curl(product, port, catalogOrigin)],
    ['TypeScript', typescript(product, port, types, consumerName)],
    ['Python', python(port, consumerName)],
  ];
  return el(
    'div',
    { class: 'snippets', 'data-testid': 'subscribe-snippets', 'data-stream': port.stream },
    snippets.map(([language, text]) =>
      el('details', { 'data-testid': 'snippet', 'data-language': language }, el('summary', {}, language), el('pre', {}, text)),
    ),
  );
}

function curl(product, port, catalogOrigin) {
  return [
    '# The contract: stream key, event types, schemas, classified fields.',
    `curl -s ${product.url.replace(/\/$/, '')}/.well-known/data-product`,
    '# The newest events, classified fields masked (what this page shows).',
    `curl -s '${catalogOrigin}/api/streams/${encodeURIComponent(port.stream)}/samples?count=5'`,
    '# Then subscribe from a program (TypeScript or Python): Redis streams are read with a consumer group.',
  ].join('\n');
}

function typescript(product, port, types, consumer) {
  const contracts = types.map(contractName);
  return [
    `// 1. Declare the input in your product's manifest (libs/${consumer}/contracts/src/product/):`,
    `inputPorts: [{ stream: '${port.stream}', from: '${product.document.manifest.domain}', group: '${consumer}',`,
    `  eventTypes: [${types.map((type) => `'${type}'`).join(', ')}], description: 'why you read it' }],`,
    '// 2. Declare the consumer; the platform checks it against the input port at start-up.',
    `import { ${contracts.join(', ')} } from '@mesh/${product.document.manifest.domain}-contracts';`,
    "import { defineConsumer } from '@mesh/messaging';",
    `export const consumer = defineConsumer<YourService>(`,
    `  { group: '${consumer}', reads: [${contracts.join(', ')}], startFrom: 'beginning', orderBySubject: true },`,
    `  (on) => [${contracts.map((name) => `on(${name}, (service, data, event) => service.apply(event, data))`).join(',\n    ')}],`,
    ');',
    '// 3. npm run mesh -- acl: your Redis user gets XREADGROUP/XACK on ' + port.key + '; load it, then deploy.',
  ].join('\n');
}

function python(port, consumer) {
  return [
    'import json, redis',
    `r = redis.Redis.from_url("redis://${consumer}:<password>@<redis>:6379")`,
    `key, group = "${port.key}", "${consumer}"  # the braces are part of the key`,
    'try:',
    '    r.xgroup_create(key, group, id="0", mkstream=True)',
    'except redis.ResponseError as error:',
    '    if "BUSYGROUP" not in str(error): raise',
    'while True:',
    '    for _, entries in r.xreadgroup(group, "consumer-1", {key: ">"}, count=100, block=5000) or []:',
    '        for entry_id, fields in entries:',
    '            event = {k.decode(): v.decode() for k, v in fields.items()}',
    '            data = json.loads(event["data"])  # check it against the schema of event["type"]',
    '            r.xack(key, group, entry_id)',
  ].join('\n');
}

/** The contracts libraries' export names: `orders.order.placed` → `orderPlaced`. */
function contractName(type) {
  const words = type.split('.').slice(1).join('-').split('-');
  return words.map((word, index) => (index === 0 ? word : word.charAt(0).toUpperCase() + word.slice(1))).join('');
}
