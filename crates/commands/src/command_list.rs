// The one list of commands, one line each: `module::command: the window kinds that may call
// it;`. Included by `registry.rs` (the command registry for the app, the tests and the
// bindings) and by `app/build.rs` (which declares each command to Tauri's ACL, so that every
// one is denied until a capability grants it). The permissions test checks that the
// capabilities grant exactly what this list says. Plain tokens, no `use`: both includers
// define the `command_list!` macro that reads it.
command_list! {
    greeting::greet: main worker;
    counter::counter_get: main worker;
    counter::counter_add: main worker;
    ping::ping_later: main worker;
    windows::open_worker: main;
    windows::open_inspector: main;
    windows::close_window: main;
    messages::send_message: main;
    messages::send_messages: main;
    messages::send_burst: main;
    messages::reply_to_main: worker;
    jobs::start_job: main worker;
    jobs::cancel_job: main worker;
    errors_demo::fail_with: main worker;
    bulk::download_json: main worker;
    bulk::download_raw: main worker;
    bulk::download_chunks: main worker;
    bulk::upload_json: main worker;
    bulk::upload_raw: main worker;
    report::export_trace: inspector;
    stats::core_stats: inspector;
    workspace::workspace_status: main inspector;
}
