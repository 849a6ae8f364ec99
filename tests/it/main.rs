//! Gazette's one integration-test binary: fixture sites built in temp folders, then inspected.
#![allow(
    clippy::print_stderr,
    clippy::print_stdout,
    reason = "tests report skipped checks and measured scores"
)]

mod browser;
mod build;
mod corpus;
mod digests;
mod feeds;
mod harness;
mod import;
mod invalid;
mod pages;
mod publish;
mod search;
mod serve;
mod theme;
