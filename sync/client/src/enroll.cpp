// Enrollment on a private io_context, run to completion on the calling thread.
#include "badgeuse/sync/enroll.hpp"

#include "badgeuse/protocol/codec.hpp"
#include "transport.hpp"

#include <boost/asio/co_spawn.hpp>
#include <boost/asio/io_context.hpp>

#include <optional>

namespace badgeuse::sync {

Result<protocol::EnrollResponse> enroll(const EnrollOptions& options) {
    detail::Transport transport(options.server, options.timeout);
    BADGEUSE_CHECK(transport.trust(options.ca_file));
    detail::HttpRequest request;
    request.method = boost::beast::http::verb::post;
    request.target = "/v1/enroll";
    request.body = protocol::encode(protocol::EnrollRequest{options.code, options.kiosk_name});

    boost::asio::io_context io;
    std::optional<Result<detail::HttpReply>> outcome;
    // co_spawn wants a default-constructible result: the coroutine stores its Result itself.
    auto exchange = [&]() -> boost::asio::awaitable<void> {
        outcome.emplace(co_await transport.exchange(std::move(request)));
    };
    boost::asio::co_spawn(io, exchange(), [&outcome](std::exception_ptr failed) {
        if (failed)
            outcome.emplace(make_error("internal error while enrolling; please report it"));
    });
    io.run();
    if (!outcome)
        return make_error("internal error while enrolling: the exchange never ended; please report it");
    if (!*outcome)
        return outcome->error();
    const detail::HttpReply& reply = **outcome;
    if (reply.status != 200)
        return make_error(detail::describe_refusal("the portal", reply));
    auto answer = protocol::decode_enroll_response(reply.body);
    if (!answer)
        return make_error("the portal's answer to the enrollment does not decode: " + answer.error().message);
    return answer;
}

} // namespace badgeuse::sync
