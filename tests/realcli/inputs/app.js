// A small module to minify and beautify.
function add(first, second) {
  const total = first + second;
  if (total > 10) { console.log("big", total); }
  return total;
}
var unused = 42;
module.exports = { add: add };
