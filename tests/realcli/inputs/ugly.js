var a={b:1,c:[1,2,3]};function f(x){if(x){return a}else{return null}}
