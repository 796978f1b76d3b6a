//! Runs the python analyzer over the files named on the command line, in one thread, either
//! parsing only (`parse`) or with every rule (`full`), so the walk's cost over the parse can
//! be measured with a profiler that counts instructions (e.g. `valgrind --tool=callgrind`),
//! which a loaded machine does not disturb.
//!
//! `cargo build --release -p tollgate-analyzers --example walkcost`, then
//! `walkcost parse FILE...` and `walkcost full FILE...`.

use tollgate_analyzers::{analyze, classify, python, Input, Settings};
use tollgate_rules::RuleSet;

fn main() {
    let mut args = std::env::args().skip(1);
    let mode = args.next().unwrap_or_default();
    if mode != "parse" && mode != "full" {
        eprintln!("usage: walkcost parse|full FILE...");
        std::process::exit(2);
    }
    let files: Vec<(String, String)> = args
        .filter_map(|path| std::fs::read_to_string(&path).ok().map(|text| (path, text)))
        .collect();
    let rules = RuleSet::new(Some(&["python".to_string()]), &[], &[]).expect("python rules");
    let settings = Settings {
        python: python::Settings {
            bench_parse_only: mode == "parse",
            ..python::Settings::default()
        },
        ..Settings::default()
    };
    let started = std::time::Instant::now();
    let mut findings = 0;
    for (path, text) in &files {
        let input = Input {
            path,
            text,
            kinds: classify(path),
        };
        findings += analyze(&input, &settings, &rules).len();
    }
    println!(
        "{mode}: {} files, {findings} findings, {:.3} s",
        files.len(),
        started.elapsed().as_secs_f64()
    );
}
