fn main() {
    biodpia::ui::start();
}
