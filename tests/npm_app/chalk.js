const chalk = require('chalk');
const forced = new chalk.Instance({ level: 1 });
console.log(JSON.stringify(forced.red.bold('red bold')), JSON.stringify(forced.bgBlue.white('blue')));
console.log(chalk.level >= 0, typeof chalk.supportsColor);
