var unused = 1
const x = 2;
if (x == 2) {
  console.log("equal")
}
