// The runtime's JS is embedded with include_dir, which cargo cannot see: rebuild when any file
// under js/ changes, is added or is removed.
fn main() {
    println!("cargo:rerun-if-changed=js");
}
