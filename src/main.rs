//! The `gazette` command. Everything happens in [`cli::run`].

mod cli;

/// mimalloc: the build allocates many small strings on two threads at once, where the system
/// allocator spends a tenth of the build in malloc and free.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> std::process::ExitCode {
    cli::run()
}
