//! The resdiff command line.

fn main() {
    println!("resdiff");
}
