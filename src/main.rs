// An import reads rows on one thread and writes them on another, which frees what the first allocated: glibc's
// malloc spent a fifth of a national import on that; mimalloc is built for it (bench/RESULTS.md).
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() {
    std::process::exit(thidua::cli::main());
}
