import { FEEDBACK_STATES, type FeedbackState, type Requirement } from '#feedback-register/domain/workflow';
import { msg, tm, type Message, type Translate } from './i18n';
import {
  isOneOf,
  FEEDBACK_CHANNEL_NAMES,
  FEEDBACK_STATE_NAMES,
  messages,
  type BadgeVariant,
} from '#admin/shared/vocabulary';

export { FEEDBACK_STATES, type FeedbackState, type Requirement };

/** How a feedback reached the department; the Office registers the last three itself. */
export const CHANNELS = Object.keys(FEEDBACK_CHANNEL_NAMES) as (keyof typeof FEEDBACK_CHANNEL_NAMES)[];
export type Channel = (typeof CHANNELS)[number];
export const REGISTERED_CHANNELS = ['phone', 'paper', 'email'] as const satisfies readonly Channel[];
export type RegisteredChannel = (typeof REGISTERED_CHANNELS)[number];

export const STATE_LABELS: Record<FeedbackState, Message> = messages('state', FEEDBACK_STATE_NAMES);

export const STATE_VARIANTS: Record<FeedbackState, BadgeVariant> = {
  received: 'secondary',
  not_accepted: 'danger',
  transferred: 'neutral',
  accepted: 'primary',
  assigned: 'primary',
  answer_drafted: 'warning',
  answer_approved: 'alternative',
  answered: 'success',
  published: 'success',
};

export const CHANNEL_LABELS: Record<Channel, Message> = messages('channel', FEEDBACK_CHANNEL_NAMES);

/** The button of a move, by the state it leads to. */
export const TRANSITION_LABELS: Record<FeedbackState, Message> = messages('transition', {
  received: 'Chuyển về chờ phân loại',
  not_accepted: 'Không tiếp nhận',
  transferred: 'Chuyển cơ quan có thẩm quyền',
  accepted: 'Tiếp nhận xử lý',
  assigned: 'Giao đơn vị xử lý',
  answer_drafted: 'Gửi dự thảo trả lời',
  answer_approved: 'Duyệt dự thảo',
  answered: 'Gửi trả lời',
  published: 'Công khai trả lời',
});

/** The Office sends a draft back to its unit. */
export const RETURN_LABEL = msg('transition.returned', 'Trả lại đơn vị');

/** What the dialog of a move explains before it is confirmed. */
export const TRANSITION_DESCRIPTIONS: Record<FeedbackState, Message> = messages('dialog.description', {
  received: 'Phản ánh, kiến nghị trở về trạng thái chờ phân loại.',
  not_accepted:
    'Phản ánh, kiến nghị không đáp ứng điều kiện tiếp nhận (Điều 7 Nghị định 20/2008/NĐ-CP): ghi rõ lý do để thông báo cho người phản ánh.',
  transferred:
    'Nội dung không thuộc thẩm quyền của Sở: ghi cơ quan có thẩm quyền và số, ký hiệu văn bản chuyển.',
  accepted: 'Phản ánh, kiến nghị thuộc thẩm quyền và đủ điều kiện: tiếp nhận để giao đơn vị xử lý.',
  assigned: 'Chọn đơn vị chủ trì dự thảo trả lời; có thể đặt hạn riêng cho đơn vị (trước hạn trả lời).',
  answer_drafted: 'Dự thảo trả lời được gửi Văn phòng Sở xem xét, duyệt.',
  answer_approved: 'Duyệt dự thảo trả lời của đơn vị; sau đó Văn phòng Sở gửi trả lời cho người phản ánh.',
  answered: 'Nội dung trả lời được gửi cho người phản ánh; việc xử lý kết thúc.',
  published:
    'Người phản ánh đã đồng ý công khai. Kiểm tra phiên bản công khai: thông tin cá nhân đã được che theo đề xuất, có thể chỉnh sửa thêm.',
});

/** What an irreversible move does, confirmed before it is made ("Bạn có chắc chắn?"). */
export const TRANSITION_CONSEQUENCES: Partial<Record<FeedbackState, Message>> = {
  not_accepted: msg(
    'confirm.not_accepted',
    'Phản ánh, kiến nghị được đóng là không tiếp nhận và người phản ánh được thông báo lý do. Không thể hoàn tác.'
  ),
  transferred: msg(
    'confirm.transferred',
    'Phản ánh, kiến nghị được đóng là đã chuyển cơ quan có thẩm quyền và người phản ánh được thông báo. Không thể hoàn tác.'
  ),
  answer_approved: msg(
    'confirm.answer_approved',
    'Dự thảo được duyệt và không trả lại đơn vị được nữa; bước tiếp theo là gửi trả lời cho người phản ánh.'
  ),
  answered: msg(
    'confirm.answered',
    'Nội dung trả lời được gửi cho người phản ánh và việc xử lý kết thúc. Không thể thu hồi.'
  ),
  published: msg(
    'confirm.published',
    'Nội dung trả lời được đăng công khai trên Cổng thông tin. Không thể hoàn tác.'
  ),
};

export const RETURN_DESCRIPTION = msg(
  'dialog.description.returned',
  'Dự thảo được trả lại đơn vị để chỉnh sửa; ghi rõ nội dung cần chỉnh sửa.'
);

export const TRANSITION_DONE: Record<FeedbackState, Message> = messages('transition.done', {
  received: 'Đã chuyển về trạng thái chờ phân loại.',
  not_accepted: 'Đã ghi nhận không tiếp nhận phản ánh, kiến nghị.',
  transferred: 'Đã ghi nhận chuyển cơ quan có thẩm quyền.',
  accepted: 'Đã tiếp nhận xử lý phản ánh, kiến nghị.',
  assigned: 'Đã giao đơn vị xử lý.',
  answer_drafted: 'Đã gửi dự thảo trả lời tới Văn phòng Sở.',
  answer_approved: 'Đã duyệt dự thảo trả lời.',
  answered: 'Đã gửi trả lời cho người phản ánh.',
  published: 'Đã công khai nội dung trả lời.',
});

export const RETURN_DONE = msg('transition.done.returned', 'Đã trả lại dự thảo cho đơn vị.');

export type HistoryAction = 'received' | 'registered' | 'transitioned' | 'answer_saved';

export const ACTION_LABELS: Record<HistoryAction, Message> = messages('history.action', {
  received: 'Tiếp nhận qua Cổng thông tin',
  registered: 'Ghi nhận vào sổ',
  transitioned: 'Chuyển trạng thái',
  answer_saved: 'Lưu dự thảo trả lời',
});

export const isState = isOneOf(FEEDBACK_STATES);

export const isChannel = isOneOf(CHANNELS);

export const isRegisteredChannel = isOneOf(REGISTERED_CHANNELS);

export const stateLabel = (t: Translate, state: string | null | undefined) =>
  isState(state) ? tm(t, STATE_LABELS[state]) : (state ?? '');

export const channelLabel = (t: Translate, channel: string | null | undefined) =>
  isChannel(channel) ? tm(t, CHANNEL_LABELS[channel]) : (channel ?? '');

/** The label of a move: sending a draft back to the unit is not the same button as the first assignment. */
export const transitionLabel = (t: Translate, from: FeedbackState, to: FeedbackState) =>
  to === 'assigned' && from === 'answer_drafted' ? tm(t, RETURN_LABEL) : tm(t, TRANSITION_LABELS[to]);

export const transitionDescription = (t: Translate, from: FeedbackState, to: FeedbackState) =>
  to === 'assigned' && from === 'answer_drafted'
    ? tm(t, RETURN_DESCRIPTION)
    : tm(t, TRANSITION_DESCRIPTIONS[to]);

export const transitionDone = (t: Translate, from: FeedbackState, to: FeedbackState) =>
  to === 'assigned' && from === 'answer_drafted' ? tm(t, RETURN_DONE) : tm(t, TRANSITION_DONE[to]);
