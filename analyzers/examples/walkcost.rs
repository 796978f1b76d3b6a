//! Runs the python analyzer over the files named on the command line, in one thread, either
//! parsing only (`parse`) or with every rule (`full`), so the walk's cost over the parse can
//! be measured with a profiler that counts instructions (e.g. `valgrind --tool=callgrind`),
//! which a loaded machine does not disturb. `bare` times tree-sitter-python alone on every
//! core, with the files already in memory and no tollgate code around the parse. `split`
//! times, file by file in one thread, the parse alone and then the whole Python pass (parse,
//! metric walk, duplication windows; and the cross-file duplication pass at the end), taking
//! turns which goes first: both sums come from the same run, so a machine that slows down
//! for a while slows both alike.
//!
//! `cargo build --release -p tollgate-analyzers --example walkcost`, then
//! `walkcost bare|parse|full|split FILE...`.

use std::time::{Duration, Instant};

use tollgate_analyzers::{analyze, analyze_run, classify, gather, python, Input, Settings};
use tollgate_rules::RuleSet;

fn main() {
    // The same parser allocator as the tollgate binary.
    tollgate_analyzers::use_mimalloc_for_parsers();
    let mut args = std::env::args().skip(1);
    let mode = args.next().unwrap_or_default();
    if !["bare", "parse", "full", "split"].contains(&mode.as_str()) {
        eprintln!("usage: walkcost bare|parse|full|split FILE...");
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
    if mode == "split" {
        split(&files, &rules);
        return;
    }
    let started = Instant::now();
    if mode == "bare" {
        // tree-sitter alone, files already in memory, one parser per core: the floor under
        // any tree-sitter analyzer, for `scripts/bench python` to set beside ruff.
        let threads = std::thread::available_parallelism().map_or(1, |n| n.get());
        let nodes: usize = std::thread::scope(|scope| {
            let workers: Vec<_> = (0..threads)
                .map(|worker| {
                    let files = &files;
                    scope.spawn(move || {
                        let mut parser = tree_sitter::Parser::new();
                        parser
                            .set_language(&tree_sitter_python::LANGUAGE.into())
                            .expect("python grammar");
                        files
                            .iter()
                            .skip(worker)
                            .step_by(threads)
                            .filter_map(|(_, text)| parser.parse(text, None))
                            .map(|tree| tree.root_node().descendant_count())
                            .sum::<usize>()
                    })
                })
                .collect();
            workers.into_iter().map(|w| w.join().expect("parse worker")).sum()
        });
        println!(
            "bare: {} files, {nodes} nodes, {threads} threads, {:.3} s",
            files.len(),
            started.elapsed().as_secs_f64()
        );
        return;
    }
    let mut findings = 0;
    for (path, text) in &files {
        let input = Input {
            path,
            text,
            kinds: classify(path),
            role: None,
        };
        findings += analyze(&input, &settings, &rules).len();
    }
    println!(
        "{mode}: {} files, {findings} findings, {:.3} s",
        files.len(),
        started.elapsed().as_secs_f64()
    );
}

/// The parse alone and the whole Python pass, timed file by file in the same run.
fn split(files: &[(String, String)], rules: &RuleSet) {
    let full = Settings::default();
    let parse_only = Settings {
        python: python::Settings {
            bench_parse_only: true,
            ..python::Settings::default()
        },
        ..Settings::default()
    };
    let (mut parse, mut whole) = (Duration::ZERO, Duration::ZERO);
    let mut gathered = Vec::with_capacity(files.len());
    for (n, (path, text)) in files.iter().enumerate() {
        let input = Input {
            path,
            text,
            kinds: classify(path),
            role: None,
        };
        let parse_alone = || {
            let started = Instant::now();
            std::hint::black_box(analyze(&input, &parse_only, rules));
            started.elapsed()
        };
        let mut all = || {
            let started = Instant::now();
            std::hint::black_box(analyze(&input, &full, rules));
            gathered.push((path.as_str(), gather(&input, &full, rules)));
            started.elapsed()
        };
        // Whichever runs second finds the text in the cache: they take turns.
        if n % 2 == 0 {
            parse += parse_alone();
            whole += all();
        } else {
            whole += all();
            parse += parse_alone();
        }
    }
    let started = Instant::now();
    let duplicates: usize = analyze_run(&gathered, &full).iter().map(|(_, f)| f.len()).sum();
    whole += started.elapsed();
    println!(
        "split: {} files, parse only {:.3} s, whole Python pass {:.3} s ({duplicates} duplicates), ratio {:.3}",
        files.len(),
        parse.as_secs_f64(),
        whole.as_secs_f64(),
        whole.as_secs_f64() / parse.as_secs_f64()
    );
}
