// `util.parseArgs`: command-line parsing as Node 20 documents it. The arguments are first cut
// into tokens (options, positionals, the `--` terminator), then the tokens are checked against
// the configured options (in strict mode) and stored into `values` and `positionals`.
'use strict';
const { nodeError, invalidArgType } = require('internal/errors');

const hasOwn = (object, key) => Object.prototype.hasOwnProperty.call(object, key);
const ownValue = (object, key) => (hasOwn(object, key) ? object[key] : undefined);

// ---------------------------------------------------------------------------------------------
// Errors shaped like Node's.

function validateBoolean(value, name) {
  if (typeof value !== 'boolean') throw invalidArgType(name, 'of type boolean', value);
}

function validateString(value, name) {
  if (typeof value !== 'string') throw invalidArgType(name, 'of type string', value);
}

function validateArray(value, name) {
  if (!Array.isArray(value)) throw invalidArgType(name, 'an instance of Array', value);
}

function validateObject(value, name) {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) throw invalidArgType(name, 'of type object', value);
}

// ---------------------------------------------------------------------------------------------
// The configuration.

function validateConfig({ args, strict, allowPositionals, tokens, allowNegative, options }) {
  validateArray(args, 'args');
  validateBoolean(strict, 'strict');
  validateBoolean(allowPositionals, 'allowPositionals');
  validateBoolean(tokens, 'tokens');
  validateBoolean(allowNegative, 'allowNegative');
  validateObject(options, 'options');
  for (const [name, option] of Object.entries(options)) validateOption(name, option);
}

function validateOption(name, option) {
  const path = `options.${name}`;
  validateObject(option, path);
  const type = ownValue(option, 'type');
  if (type !== 'string' && type !== 'boolean') {
    throw invalidArgType(`${path}.type`, "('string|boolean')", type);
  }
  if (hasOwn(option, 'short')) {
    const short = option.short;
    validateString(short, `${path}.short`);
    if (short.length !== 1) {
      throw nodeError(TypeError, 'ERR_INVALID_ARG_VALUE',
        `The property '${path}.short' must be a single character. Received ${require('util').inspect(short)}`);
    }
  }
  const multiple = ownValue(option, 'multiple');
  if (multiple !== undefined) validateBoolean(multiple, `${path}.multiple`);
  const defaultValue = ownValue(option, 'default');
  if (defaultValue === undefined) return;
  const validateItem = type === 'string' ? validateString : validateBoolean;
  if (multiple) {
    validateArray(defaultValue, `${path}.default`);
    defaultValue.forEach((item, index) => validateItem(item, `${path}.default[${index}]`));
  } else {
    validateItem(defaultValue, `${path}.default`);
  }
}

// The long name an option's single-letter alias stands for, or the letter itself if none does.
function longNameOf(letter, options) {
  for (const [name, option] of Object.entries(options)) {
    if (ownValue(option, 'short') === letter) return name;
  }
  return letter;
}

function optionType(name, options) {
  return hasOwn(options, name) ? ownValue(options[name], 'type') : undefined;
}

// ---------------------------------------------------------------------------------------------
// Tokens.

function optionToken(name, rawName, index, value, inlineValue) {
  return { kind: 'option', name, rawName, index, value, inlineValue };
}

function tokenize(args, options, allowNegative) {
  const tokens = [];
  // A string option with no inline value takes the next argument, whatever it looks like.
  const takeNext = (at) => (at + 1 < args.length ? [args[at + 1], false] : [undefined, undefined]);

  for (let index = 0; index < args.length; index++) {
    const arg = args[index];
    const at = index;

    if (arg === '--') {
      tokens.push({ kind: 'option-terminator', index });
      for (index++; index < args.length; index++) tokens.push({ kind: 'positional', index, value: args[index] });
      break;
    }

    if (arg.length < 2 || arg[0] !== '-') {
      tokens.push({ kind: 'positional', index, value: arg });
      continue;
    }

    if (arg[1] !== '-') {
      // "-f", "-fVALUE", or a group of letters "-abc".
      const firstName = longNameOf(arg[1], options);
      if (arg.length === 2) {
        let value;
        let inlineValue;
        if (optionType(firstName, options) === 'string') {
          [value, inlineValue] = takeNext(index);
          if (inlineValue === false) index++;
        }
        tokens.push(optionToken(firstName, arg, at, value, inlineValue));
      } else if (optionType(firstName, options) === 'string') {
        tokens.push(optionToken(firstName, arg.slice(0, 2), at, arg.slice(2), true));
      } else {
        index = tokenizeGroup(arg, index, args, options, tokens);
      }
      continue;
    }

    // "--name", "--name=value", "--no-name".
    const equals = arg.indexOf('=', 3);
    if (equals !== -1) {
      const name = arg.slice(2, equals);
      tokens.push(optionToken(name, arg.slice(0, equals), at, arg.slice(equals + 1), true));
      continue;
    }
    const name = arg.slice(2);
    if (optionType(name, options) === 'string') {
      const [value, inlineValue] = takeNext(index);
      if (inlineValue === false) index++;
      tokens.push(optionToken(name, arg, at, value, inlineValue));
    } else if (allowNegative && name.startsWith('no-')) {
      tokens.push(optionToken(name.slice(3), arg, at, undefined, undefined));
    } else {
      tokens.push(optionToken(name, arg, at, undefined, undefined));
    }
  }
  return tokens;
}

// "-abc" is "-a -b -c"; a string option inside takes the rest of the group as its value, or the
// next argument when it is the last letter. Returns the index of the last argument consumed.
function tokenizeGroup(arg, index, args, options, tokens) {
  const at = index;
  for (let position = 1; position < arg.length; position++) {
    const letter = arg[position];
    const name = longNameOf(letter, options);
    if (optionType(name, options) !== 'string') {
      tokens.push(optionToken(name, `-${letter}`, at, undefined, undefined));
    } else if (position < arg.length - 1) {
      tokens.push(optionToken(name, `-${letter}`, at, arg.slice(position + 1), true));
      break;
    } else if (index + 1 < args.length) {
      tokens.push(optionToken(name, `-${letter}`, at, args[++index], false));
    } else {
      tokens.push(optionToken(name, `-${letter}`, at, undefined, undefined));
    }
  }
  return index;
}

// ---------------------------------------------------------------------------------------------
// Strict checks.

function checkOption(token, options, allowPositionals, allowNegative) {
  // Long options are looked up as written, so "--no-x" may name an option of its own.
  let name = token.rawName.startsWith('--') ? token.rawName.slice(2) : token.name;
  if (!hasOwn(options, name)) {
    const negated = name.slice(3);
    if (allowNegative && name.startsWith('no-') && optionType(negated, options) === 'boolean') {
      name = negated;
    } else {
      throw unknownOption(token.rawName, allowPositionals);
    }
  }
  const option = options[name];
  const short = ownValue(option, 'short');
  const shortAndLong = short === undefined ? `--${name}` : `-${short}, --${name}`;
  const type = ownValue(option, 'type');
  if (type === 'string' && typeof token.value !== 'string') {
    throw nodeError(TypeError, 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE', `Option '${shortAndLong} <value>' argument missing`);
  }
  if (type === 'boolean' && token.value !== undefined) {
    throw nodeError(TypeError, 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE', `Option '${shortAndLong}' does not take an argument`);
  }
  if (type === 'string' && !token.inlineValue && token.value.length > 1 && token.value[0] === '-') {
    const example = token.rawName.startsWith('--') ? `'--${name}=-XYZ'` : `'--${name}=-XYZ' or '${token.rawName}-XYZ'`;
    throw nodeError(TypeError, 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE',
      `Option '${token.rawName}' argument is ambiguous.\n` +
      `Did you forget to specify the option argument for '${token.rawName}'?\n` +
      `To specify an option argument starting with a dash use ${example}.`);
  }
}

function unknownOption(rawName, allowPositionals) {
  const hint = allowPositionals
    ? `. To specify a positional argument starting with a '-', place it at the end of the command after '--', as in '-- ${JSON.stringify(rawName)}`
    : '';
  return nodeError(TypeError, 'ERR_PARSE_ARGS_UNKNOWN_OPTION', `Unknown option '${rawName}'${hint}`);
}

// ---------------------------------------------------------------------------------------------
// Storing.

function storeOption(token, options, values, allowNegative) {
  const name = token.name;
  if (name === '__proto__') return;
  const negated = allowNegative && token.rawName === `--no-${name}`;
  const value = token.value ?? !negated;
  if (hasOwn(options, name) && ownValue(options[name], 'multiple')) {
    (values[name] ??= []).push(value);
  } else {
    values[name] = value;
  }
}

// The script's own arguments: process.argv after the executable and the script.
function defaultArgs() {
  return globalThis.process.argv.slice(2);
}

function parseArgs(config = {}) {
  const settings = {
    args: ownValue(config, 'args') ?? defaultArgs(),
    strict: ownValue(config, 'strict') ?? true,
    tokens: ownValue(config, 'tokens') ?? false,
    allowNegative: ownValue(config, 'allowNegative') ?? false,
    options: ownValue(config, 'options') ?? {},
  };
  settings.allowPositionals = ownValue(config, 'allowPositionals') ?? !settings.strict;
  validateConfig(settings);
  const { args, strict, allowPositionals, allowNegative, options } = settings;

  const tokens = tokenize(args, options, allowNegative);
  const values = Object.create(null);
  const positionals = [];
  for (const token of tokens) {
    if (token.kind === 'option') {
      if (strict) checkOption(token, options, allowPositionals, allowNegative);
      storeOption(token, options, values, allowNegative);
    } else if (token.kind === 'positional') {
      if (!allowPositionals) {
        throw nodeError(TypeError, 'ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL',
          `Unexpected argument '${token.value}'. This command does not take positional arguments`);
      }
      positionals.push(token.value);
    }
  }

  for (const [name, option] of Object.entries(options)) {
    const defaultValue = ownValue(option, 'default');
    if (defaultValue !== undefined && values[name] === undefined) values[name] = defaultValue;
  }

  const result = { values, positionals };
  if (settings.tokens) result.tokens = tokens;
  return result;
}

module.exports = { parseArgs };
