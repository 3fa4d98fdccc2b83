// UiMailbox: a mutex-guarded vector, swapped out whole by the UI thread.
#include "badgeuse/app/ui_mailbox.hpp"

namespace badgeuse::app {

void UiMailbox::set_wake(std::function<void()> wake) {
    std::lock_guard lock(m_mutex);
    m_wake = std::move(wake);
}

void UiMailbox::post(Letter letter) {
    std::function<void()> wake;
    {
        std::lock_guard lock(m_mutex);
        m_letters.push_back(std::move(letter));
        wake = m_wake;
    }
    if (wake)
        wake();
}

std::vector<UiMailbox::Letter> UiMailbox::take() {
    std::lock_guard lock(m_mutex);
    std::vector<Letter> letters;
    letters.swap(m_letters);
    return letters;
}

} // namespace badgeuse::app
