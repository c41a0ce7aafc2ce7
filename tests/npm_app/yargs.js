const yargs = require('yargs/yargs');
const { hideBin } = require('yargs/helpers');
const argv = yargs(hideBin(process.argv))
  .scriptName('tool')
  .option('count', { alias: 'c', type: 'number', default: 1, describe: 'how many' })
  .option('verbose', { type: 'boolean' })
  .command('say <word>', 'say a word')
  .strict()
  .parseSync();
console.log(JSON.stringify({ count: argv.count, verbose: argv.verbose, word: argv.word, rest: argv._ }));
