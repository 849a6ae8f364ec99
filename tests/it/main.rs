//! Gazette's one integration-test binary: fixture sites built in temp folders, then inspected.

mod build;
mod feeds;
mod harness;
mod invalid;
mod serve;
