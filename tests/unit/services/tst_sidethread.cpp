#include "services/sidethread.h"

#include <catch2/catch_test_macros.hpp>
#include <catch2/matchers/catch_matchers_string.hpp>

#include <atomic>
#include <stdexcept>
#include <vector>

using cc::services::SideThread;

TEST_CASE("a side thread runs its tasks in order, on one thread that is not the caller's") {
    SideThread side;
    std::vector<std::future<std::thread::id>> ids;
    std::vector<int> order;
    for (int i = 0; i < 50; ++i)
        ids.push_back(side.run([&order, i] {
            order.push_back(i); // only the side thread touches it until the futures are ready
            return std::this_thread::get_id();
        }));
    const std::thread::id first = ids.front().get();
    CHECK(first != std::this_thread::get_id());
    for (std::size_t i = 1; i < ids.size(); ++i)
        CHECK(ids[i].get() == first);
    std::vector<int> expected(50);
    for (int i = 0; i < 50; ++i)
        expected[std::size_t(i)] = i;
    CHECK(order == expected);
}

TEST_CASE("what a side thread's task throws reaches its caller, and the thread goes on") {
    SideThread side;
    auto failing = side.run([]() -> int { throw std::runtime_error("disk full"); });
    auto after = side.run([] { return 7; });
    CHECK_THROWS_WITH(failing.get(), "disk full");
    CHECK(after.get() == 7);
}

TEST_CASE("a side thread's destructor runs the tasks still queued") {
    std::atomic<int> ran = 0;
    {
        SideThread side;
        for (int i = 0; i < 20; ++i)
            (void)side.run([&ran] { ++ran; });
    }
    CHECK(ran == 20);
}
