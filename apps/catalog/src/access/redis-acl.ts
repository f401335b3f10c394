/** One user of a Redis ACL file, as far as the catalog compares it: never its password. */
export interface AclUserRules {
  user: string;
  /** `on`: it can log in. */
  enabled: boolean;
  /** The root rules' key patterns and commands, then each selector's `(~key … +command …)`. */
  rules: AclRule[];
}

export interface AclRule {
  /** Key glob patterns (`~{orders.order.v1}`, `~*`, `allkeys`). */
  keys: string[];
  /** Allowed commands in lower case (`xreadgroup`, `xgroup|create`), `@all` for everything. */
  commands: string[];
}

/**
 * The `user` lines of an ACL file (`redis-server --aclfile`, `npm run mesh -- acl`). Only what
 * access is about is kept: on/off, key patterns and allowed commands, per selector. Password
 * rules (`#<sha256>`, `>…`, `<…`, `!…`) are dropped as they are read, so nothing the catalog
 * shows or logs can carry them. A later `-command` or `reset…` is applied the way Redis does for
 * the rules the mesh writes; categories other than `@all` are not expanded (no grant assumed).
 */
export function parseAclFile(text: string): AclUserRules[] {
  return text
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line.startsWith('user '))
    .map(parseUserLine);
}

function parseUserLine(line: string): AclUserRules {
  const [, user, ...tokens] = tokensOf(line);
  const root: AclRule = { keys: [], commands: [] };
  const rules: AclRule[] = [root];
  let enabled = false;
  for (const token of tokens) {
    if (token.startsWith('(') && token.endsWith(')')) {
      const selector: AclRule = { keys: [], commands: [] };
      for (const inner of token.slice(1, -1).split(/\s+/).filter(Boolean)) apply(selector, inner);
      rules.push(selector);
    } else if (token === 'on') enabled = true;
    else if (token === 'off') enabled = false;
    else apply(root, token);
  }
  return { user, enabled, rules };
}

function apply(rule: AclRule, token: string): void {
  const lower = token.toLowerCase();
  if (lower === 'allkeys') rule.keys.push('*');
  else if (lower === 'resetkeys') rule.keys.length = 0;
  else if (lower === 'allcommands') rule.commands.push('@all');
  else if (lower === 'nocommands') rule.commands.length = 0;
  else if (token.startsWith('~')) rule.keys.push(token.slice(1));
  else if (token.startsWith('%')) rule.keys.push(token.slice(token.indexOf('~') + 1));
  else if (token.startsWith('+')) rule.commands.push(lower.slice(1));
  else if (token.startsWith('-')) {
    const command = lower.slice(1);
    if (command === '@all') rule.commands.length = 0;
    else rule.commands.splice(0, rule.commands.length, ...rule.commands.filter((kept) => kept !== command));
  }
  // Anything else (passwords, channels, flags) says nothing about keys and commands: dropped.
}

/** A line's tokens, a parenthesised selector being one token. */
function tokensOf(line: string): string[] {
  const tokens: string[] = [];
  let current = '';
  let depth = 0;
  for (const character of line) {
    if (character === '(') depth += 1;
    if (character === ')') depth = Math.max(0, depth - 1);
    if (/\s/.test(character) && depth === 0) {
      if (current) tokens.push(current);
      current = '';
    } else current += character;
  }
  if (current) tokens.push(current);
  return tokens;
}

/** Whether `user` may send every one of `commands` on `key` (one rule must allow them all, as one selector does). */
export function mayRun(user: AclUserRules | undefined, key: string, commands: readonly string[]): boolean {
  if (!user?.enabled) return false;
  return user.rules.some(
    (rule) =>
      rule.keys.some((pattern) => globMatches(pattern, key)) &&
      commands.every((command) => rule.commands.includes('@all') || rule.commands.includes(command)),
  );
}

/** Redis key globs as the mesh writes them: `*` and `?`; any other character stands for itself. */
function globMatches(pattern: string, key: string): boolean {
  const source = pattern.replace(/[.+^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*').replace(/\?/g, '.');
  return new RegExp(`^${source}$`, 's').test(key);
}
