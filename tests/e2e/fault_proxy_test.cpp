// The fault proxy itself, against a small echo server: it passes bytes intact when told to, and a cut
// stops the traffic at the drawn offset (so the fault tests' cuts are what they claim to be).
#include "fault_proxy.hpp"

#include <boost/asio/connect.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/read.hpp>
#include <boost/asio/write.hpp>
#include <catch2/catch.hpp>

#include <thread>

using namespace badgeuse::testing;
namespace asio = boost::asio;
using tcp = asio::ip::tcp;

namespace {

// Accepts `connections` connections one after the other; echoes each one's bytes until it closes.
class EchoServer {
public:
    explicit EchoServer(int connections)
        : m_acceptor(m_io, tcp::endpoint(asio::ip::address_v4::loopback(), 0)) {
        m_thread = std::thread([this, connections] {
            for (int i = 0; i < connections; ++i) {
                tcp::socket socket(m_io);
                m_acceptor.accept(socket);
                std::array<char, 4096> chunk{};
                boost::system::error_code error;
                for (;;) {
                    const std::size_t n = socket.read_some(asio::buffer(chunk), error);
                    if (error || asio::write(socket, asio::buffer(chunk.data(), n), error) != n)
                        break;
                }
            }
        });
    }
    ~EchoServer() { m_thread.join(); }
    EchoServer(const EchoServer&) = delete;
    EchoServer& operator=(const EchoServer&) = delete;
    std::uint16_t port() const { return m_acceptor.local_endpoint().port(); }

private:
    asio::io_context m_io;
    tcp::acceptor m_acceptor;
    std::thread m_thread;
};

// Sends `bytes` through the proxy and reads back what comes until the proxy or the server closes.
std::string exchange(std::uint16_t port, const std::string& bytes) {
    asio::io_context io;
    tcp::socket socket(io);
    socket.connect(tcp::endpoint(asio::ip::address_v4::loopback(), port));
    asio::write(socket, asio::buffer(bytes));
    socket.shutdown(tcp::socket::shutdown_send);
    std::string back;
    std::array<char, 4096> chunk{};
    boost::system::error_code error;
    while (back.size() < bytes.size()) {
        const std::size_t n = socket.read_some(asio::buffer(chunk), error);
        if (error)
            break;
        back.append(chunk.data(), n);
    }
    return back;
}

} // namespace

TEST_CASE("the fault proxy with its faults off passes every byte both ways") {
    EchoServer echo(1);
    FaultProxy proxy(echo.port(), 1);
    proxy.set_faults(false);
    std::string payload(100'000, '\0');
    for (std::size_t i = 0; i < payload.size(); ++i)
        payload[i] = static_cast<char>('a' + i % 26);
    CHECK(exchange(proxy.port(), payload) == payload);
    CHECK(proxy.settled_counts().connections == 1);
    CHECK(proxy.settled_counts().passed == 1);
}

TEST_CASE("the fault proxy cuts an answer at an offset no larger than its bound") {
    EchoServer echo(5);
    FaultPlan plan;
    plan.cut_to_server = 0;
    plan.cut_to_client = 1.0;
    plan.max_cut_offset = 100;
    FaultProxy proxy(echo.port(), 2, plan);
    const std::string payload(10'000, 'x');
    for (int i = 0; i < 5; ++i)
        CHECK(exchange(proxy.port(), payload).size() <= 100);
    CHECK(proxy.settled_counts().cut_to_client == 5);
}
