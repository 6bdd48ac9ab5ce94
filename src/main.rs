fn main() {
    koop_assistent::start();
}
