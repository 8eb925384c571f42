fn main() {
    println!("hello from a guest");
}
