const path = require('path');
const result = require('dotenv').config({ path: path.join(__dirname, 'fixture.env') });
console.log(JSON.stringify(result.parsed), process.env.PACK_FIXTURE_GREETING);
console.log(JSON.stringify(require('dotenv').parse('A=1\nB="two words"\n# comment\nC=3')));
