//! The `gazette` command. Everything happens in [`cli::run`].

mod cli;

fn main() -> std::process::ExitCode {
    cli::run()
}
