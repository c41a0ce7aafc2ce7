const { Command } = require('commander');
const program = new Command();
program.name('greet').version('1.2.3').option('-l, --loud', 'shout').option('-n, --name <name>', 'who', 'world').argument('[extra...]');
program.parse(process.argv);
const options = program.opts();
const text = `hello ${options.name}`;
console.log(options.loud ? text.toUpperCase() : text, JSON.stringify(program.args));
console.log(program.helpInformation());
