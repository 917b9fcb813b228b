//! The `depeche` binary: parses arguments, runs the command, owns the exit
//! code. A closed output pipe (`depeche batch … | head`) is a quiet success.

mod app;
mod cli;

use std::process::ExitCode;

fn main() -> ExitCode {
    match app::run(cli::parse()) {
        Ok(app::Outcome::AllGood) => ExitCode::SUCCESS,
        Ok(app::Outcome::SomeFailed) => ExitCode::from(1),
        Err(err) => {
            if app::is_broken_pipe(&err) {
                return ExitCode::SUCCESS;
            }
            app::message(&format!("{err:#}"));
            if err.is::<app::Interrupted>() {
                return ExitCode::from(130);
            }
            ExitCode::from(2)
        }
    }
}
