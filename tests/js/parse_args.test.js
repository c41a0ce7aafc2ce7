'use strict';
// util.parseArgs: tokens, short groups, inline values, negation, defaults, strict checks and
// the configuration's validation errors.
const { parseArgs } = require('util');

// Values have no prototype; print them as plain data with that fact noted.
function show(result) {
  const out = { values: { ...result.values }, positionals: result.positionals };
  if (Object.getPrototypeOf(result.values) !== null) out.valuesPrototype = 'not null';
  if ('tokens' in result) out.tokens = result.tokens;
  return JSON.stringify(out, (key, value) => (value === undefined ? '<undefined>' : value));
}

function check(label, config) {
  let line;
  try {
    line = show(parseArgs(config));
  } catch (error) {
    line = `threw ${error.name} ${error.code} ${JSON.stringify(error.message)}`;
  }
  console.log(`${label}: ${line}`);
}

const bool = { type: 'boolean' };
const str = { type: 'string' };

// --- basics
check('empty', { args: [] });
check('default args are process.argv.slice(2)', {});
check('boolean long', { args: ['--verbose'], options: { verbose: bool } });
check('string long', { args: ['--name', 'x'], options: { name: str } });
check('string inline', { args: ['--name=x=y'], options: { name: str } });
check('string inline empty', { args: ['--name='], options: { name: str } });
check('short boolean', { args: ['-v'], options: { verbose: { type: 'boolean', short: 'v' } } });
check('short string', { args: ['-n', 'x'], options: { name: { type: 'string', short: 'n' } } });
check('short string attached', { args: ['-nx', '-n=y'], options: { name: { type: 'string', short: 'n', multiple: true } } });
check('short group', { args: ['-abc'], options: { a: { type: 'boolean', short: 'a' }, b: { type: 'boolean', short: 'b' }, c: { type: 'boolean', short: 'c' } } });
check('short group with string', { args: ['-abVALUE'], options: { a: { type: 'boolean', short: 'a' }, b: { type: 'string', short: 'b' } }, tokens: true });
check('short group string last', { args: ['-ab', 'next'], options: { a: { type: 'boolean', short: 'a' }, b: { type: 'string', short: 'b' } }, tokens: true });
check('first short wins', { args: ['-h'], options: { help: { type: 'boolean', short: 'h' }, hh: { type: 'boolean', short: 'h' } } });
check('multiple', { args: ['--f', 'a', '--f=b', '-f', 'c'], options: { f: { type: 'string', short: 'f', multiple: true } } });
check('multiple boolean', { args: ['--v', '--v'], options: { v: { type: 'boolean', multiple: true } } });
check('last wins', { args: ['--f', 'a', '--f', 'b'], options: { f: str } });
check('defaults', { args: [], options: { a: { type: 'string', default: 'd' }, b: { type: 'boolean', default: false }, c: { type: 'string', multiple: true, default: ['x'] } } });
check('default overridden', { args: ['--a', 'given'], options: { a: { type: 'string', default: 'd' } } });
check('default not merged', { args: ['--c', 'y'], options: { c: { type: 'string', multiple: true, default: ['x'] } } });

// --- positionals and the terminator
check('positionals', { args: ['a', '--v', 'b'], options: { v: bool }, allowPositionals: true });
check('terminator', { args: ['--v', '--', '--v', '-x', 'p'], options: { v: bool }, allowPositionals: true, tokens: true });
check('lone dash', { args: ['-'], allowPositionals: true, tokens: true });
check('positional rejected', { args: ['a'] });
check('positional after terminator rejected', { args: ['--', 'a'] });
check('non-strict allows positionals', { args: ['a'], strict: false });
check('non-strict rejecting positionals', { args: ['a'], strict: false, allowPositionals: false });

// --- non-strict storage
check('unknown stored', { args: ['--unknown', '--with=value', '-u', '-xyz'], strict: false, tokens: true });
check('string without value', { args: ['--name'], options: { name: str }, strict: false });
check('boolean with value', { args: ['--flag=yes'], options: { flag: bool }, strict: false });
check('string takes dash value', { args: ['--name', '--other'], options: { name: str }, strict: false });
check('__proto__ ignored', { args: ['--__proto__', '--constructor'], strict: false });
check('triple dash', { args: ['---x'], strict: false, tokens: true });
check('equals names', { args: ['--=x', '-='], strict: false, tokens: true });

// --- negation
check('negative', { args: ['--no-color'], options: { color: bool }, allowNegative: true, tokens: true });
check('negative then positive', { args: ['--no-color', '--color'], options: { color: { type: 'boolean', multiple: true } }, allowNegative: true });
check('negative without allowNegative', { args: ['--no-color'], options: { color: bool } });
check('negative of string', { args: ['--no-name'], options: { name: str }, allowNegative: true });
check('negative of string non-strict', { args: ['--no-name'], options: { name: str }, allowNegative: true, strict: false });
check('negative with value', { args: ['--no-color=1'], options: { color: { type: 'boolean', short: 'c' } }, allowNegative: true });
check('negative unknown non-strict', { args: ['--no-thing'], allowNegative: true, strict: false });
check('option named no-x', { args: ['--no-x'], options: { 'no-x': bool }, allowNegative: true, tokens: true });
check('string option named no-x', { args: ['--no-x', 'v'], options: { 'no-x': str }, allowNegative: true });

// --- strict errors
check('unknown long', { args: ['--nope'] });
check('unknown short', { args: ['-n'] });
check('unknown with positionals hint', { args: ['--nope'], allowPositionals: true });
check('unknown in group', { args: ['-ab'], options: { a: { type: 'boolean', short: 'a' } } });
check('missing value', { args: ['--name'], options: { name: str } });
check('missing value with short', { args: ['-n'], options: { name: { type: 'string', short: 'n' } } });
check('boolean given value', { args: ['--flag=1'], options: { flag: bool } });
check('boolean given value with short', { args: ['--flag=1'], options: { flag: { type: 'boolean', short: 'f' } } });
check('ambiguous long', { args: ['--name', '-x'], options: { name: str } });
check('ambiguous short', { args: ['-n', '--'], options: { name: { type: 'string', short: 'n' } } });
check('dash alone is a value', { args: ['-n', '-'], options: { name: { type: 'string', short: 'n' } } });
check('inline dash value', { args: ['--name=-x', '-n-y'], options: { name: { type: 'string', short: 'n', multiple: true } } });
check('inherited names are unknown', { args: ['--toString'] });
check('first error wins', { args: ['a', '--nope'] });

// --- configuration errors
check('args not array', { args: 'x' });
check('strict not boolean', { strict: 'yes' });
check('allowPositionals not boolean', { allowPositionals: 1 });
check('tokens not boolean', { tokens: 1 });
check('allowNegative not boolean', { allowNegative: 'x' });
check('options not object', { options: 5 });
check('options null is empty', { args: [], options: null });
check('option not object', { options: { a: 5 } });
check('option array', { options: { a: [] } });
check('option missing type', { options: { a: {} } });
check('option bad type', { options: { a: { type: 'number' } } });
check('short not string', { options: { a: { type: 'string', short: 5 } } });
check('short too long', { options: { a: { type: 'string', short: 'ab' } } });
check('short empty', { options: { a: { type: 'string', short: '' } } });
check('multiple not boolean', { options: { a: { type: 'string', multiple: 'x' } } });
check('default wrong type', { options: { a: { type: 'string', default: 5 } } });
check('default not array', { options: { a: { type: 'string', multiple: true, default: 'x' } } });
check('default bad item', { options: { a: { type: 'boolean', multiple: true, default: [true, 1] } } });
check('config not object', 5);

console.log('util.parseArgs is stable:', require('util').parseArgs === parseArgs);
