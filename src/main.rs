fn main() {
    std::process::exit(thidua::cli::main());
}
