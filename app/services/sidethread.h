#pragma once

#include <condition_variable>
#include <deque>
#include <functional>
#include <future>
#include <memory>
#include <mutex>
#include <thread>
#include <type_traits>

namespace cc::services {

// One long-lived thread that runs the tasks handed to it in order, for work that overlaps the
// caller's own (a photo's hash, encryption and durable write while the caller decodes it).
// A thread started for each task cost more than a small photo's whole task. The thread starts
// with the first task; the destructor runs what is queued, then joins it.
class SideThread final {
public:
    SideThread() = default;
    ~SideThread();
    SideThread(const SideThread &) = delete;
    SideThread &operator=(const SideThread &) = delete;

    // Queues f; its result, or what it threw, comes through the future. The caller keeps
    // whatever f refers to alive until the future is ready.
    template<class F>
    [[nodiscard]] std::future<std::invoke_result_t<F>> run(F f) {
        auto task = std::make_shared<std::packaged_task<std::invoke_result_t<F>()>>(std::move(f));
        auto future = task->get_future();
        post([task] { (*task)(); });
        return future;
    }

private:
    void post(std::function<void()> job);
    void loop();

    std::mutex m_mutex;
    std::condition_variable m_wake;
    std::deque<std::function<void()>> m_jobs;
    bool m_stopping = false;
    std::thread m_thread;
};

} // namespace cc::services
