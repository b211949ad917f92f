// A TQL subset: the keywords and forms wiztc sends (threatconnect-api.md §2.6). Anything else is a
// TQL error, as ThreatConnect answers with errCode 0x2001.

export class TqlError extends Error {}

type Value = string | number;
export type TqlContext = {
  /** Values of a keyword for this object (several for `tag`); undefined = unknown keyword. */
  get(keyword: string): Value[] | undefined;
  /** Sub-objects for `hasTag(...)` etc.; undefined = unknown function. */
  sub(fn: string): TqlContext[] | undefined;
};
export type TqlPredicate = (ctx: TqlContext) => boolean;

interface Token {
  kind: 'ident' | 'string' | 'number' | 'op' | '(' | ')' | ',';
  text: string;
}

function tokenize(src: string): Token[] {
  const out: Token[] = [];
  let i = 0;
  while (i < src.length) {
    const c = src[i] as string;
    if (/\s/.test(c)) {
      i++;
      continue;
    }
    if (c === '(' || c === ')' || c === ',') {
      out.push({ kind: c, text: c });
      i++;
      continue;
    }
    if (c === '"') {
      let s = '';
      i++;
      while (i < src.length && src[i] !== '"') {
        if (src[i] === '\\' && i + 1 < src.length) {
          s += src[i + 1];
          i += 2;
        } else {
          s += src[i];
          i++;
        }
      }
      if (i >= src.length) throw new TqlError('unterminated string');
      i++;
      out.push({ kind: 'string', text: s });
      continue;
    }
    const op = /^(==|!=|=)/.exec(src.slice(i));
    if (op) {
      out.push({ kind: 'op', text: op[1] as string });
      i += (op[1] as string).length;
      continue;
    }
    const num = /^-?\d+(\.\d+)?/.exec(src.slice(i));
    if (num) {
      out.push({ kind: 'number', text: num[0] });
      i += num[0].length;
      continue;
    }
    const id = /^[A-Za-z_][A-Za-z0-9_.]*/.exec(src.slice(i));
    if (id) {
      out.push({ kind: 'ident', text: id[0] });
      i += id[0].length;
      continue;
    }
    throw new TqlError(`unexpected character '${c}' at ${i}`);
  }
  return out;
}

const SUB_FUNCTIONS = new Set(['hastag', 'hasgroup', 'hasindicator', 'hascase']);

export interface ParsedTql {
  predicate: TqlPredicate;
  /** Keywords used, as `keyword` at top level and `function.keyword` inside a sub-query. */
  keywords: Set<string>;
}

export function parseTql(src: string): ParsedTql {
  const tokens = tokenize(src);
  let pos = 0;
  const keywords = new Set<string>();
  const scope: string[] = [];
  const peek = (): Token | undefined => tokens[pos];
  const word = (t: Token | undefined, w: string): boolean =>
    t?.kind === 'ident' && t.text.toLowerCase() === w;
  const expect = (kind: Token['kind']): Token => {
    const t = tokens[pos++];
    if (!t || t.kind !== kind) throw new TqlError(`expected ${kind} at token ${pos}`);
    return t;
  };

  const value = (): Value => {
    const t = tokens[pos++];
    if (t?.kind === 'string') return t.text;
    if (t?.kind === 'number') return Number(t.text);
    throw new TqlError(`expected a value at token ${pos}`);
  };
  const list = (): Value[] => {
    expect('(');
    const vals = [value()];
    while (peek()?.kind === ',') {
      pos++;
      vals.push(value());
    }
    expect(')');
    return vals;
  };

  const comparison = (): TqlPredicate => {
    const key = expect('ident').text;
    const t = peek();
    let negate = false;
    let values: Value[];
    if (t?.kind === 'op') {
      pos++;
      negate = t.text === '!=';
      values = [value()];
    } else if (word(t, 'eq') || word(t, 'equals') || word(t, 'ne')) {
      pos++;
      negate = word(t, 'ne');
      values = [value()];
    } else if (word(t, 'not') && word(tokens[pos + 1], 'in')) {
      pos += 2;
      negate = true;
      values = list();
    } else if (word(t, 'in')) {
      pos++;
      values = list();
    } else {
      throw new TqlError(`unsupported operator after '${key}'`);
    }
    const k = key.toLowerCase();
    keywords.add(scope.length > 0 ? `${scope[scope.length - 1]}.${k}` : k);
    const caseless = k === 'typename' || k === 'status' || k === 'severity';
    const norm = (v: Value): string => (caseless ? String(v).toLowerCase() : String(v));
    const wanted = new Set(values.map(norm));
    return (ctx) => {
      const have = ctx.get(k);
      if (have === undefined) throw new TqlError(`unknown keyword '${key}'`);
      const hit = have.some((v) => wanted.has(norm(v)));
      return negate ? !hit : hit;
    };
  };

  const unary = (): TqlPredicate => {
    const t = peek();
    if (t?.kind === '(') {
      pos++;
      const inner = orExpr();
      expect(')');
      return inner;
    }
    if (t?.kind === 'ident' && tokens[pos + 1]?.kind === '(') {
      const fn = t.text.toLowerCase();
      if (!SUB_FUNCTIONS.has(fn)) throw new TqlError(`unknown function '${t.text}'`);
      pos += 2;
      scope.push(fn);
      const inner = orExpr();
      scope.pop();
      expect(')');
      return (ctx) => {
        const subs = ctx.sub(fn);
        if (subs === undefined) throw new TqlError(`function '${t.text}' not valid here`);
        return subs.some((s) => inner(s));
      };
    }
    return comparison();
  };

  const andExpr = (): TqlPredicate => {
    const parts = [unary()];
    while (word(peek(), 'and')) {
      pos++;
      parts.push(unary());
    }
    return parts.length === 1 ? (parts[0] as TqlPredicate) : (ctx) => parts.every((p) => p(ctx));
  };
  function orExpr(): TqlPredicate {
    const parts = [andExpr()];
    while (word(peek(), 'or')) {
      pos++;
      parts.push(andExpr());
    }
    return parts.length === 1 ? (parts[0] as TqlPredicate) : (ctx) => parts.some((p) => p(ctx));
  }

  if (tokens.length === 0) throw new TqlError('empty query');
  const predicate = orExpr();
  if (pos !== tokens.length) throw new TqlError(`unexpected '${tokens[pos]?.text}' at token ${pos}`);
  return { predicate, keywords };
}

/** Parses and rejects keywords the object kind does not know. */
export function compileTql(src: string, allowed: ReadonlySet<string>): TqlPredicate {
  const parsed = parseTql(src);
  for (const k of parsed.keywords) if (!allowed.has(k)) throw new TqlError(`unknown keyword '${k}'`);
  return parsed.predicate;
}
