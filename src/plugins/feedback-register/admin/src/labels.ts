import { FEEDBACK_STATES, type FeedbackState, type Requirement } from '#feedback-register/domain/workflow';
import { msg, tm, type Message, type Translate } from './i18n';

export { FEEDBACK_STATES, type FeedbackState, type Requirement };

/** How a feedback reached the department; the Office registers the last three itself. */
export const CHANNELS = ['web', 'email', 'phone', 'paper'] as const;
export type Channel = (typeof CHANNELS)[number];
export const REGISTERED_CHANNELS = ['phone', 'paper', 'email'] as const satisfies readonly Channel[];
export type RegisteredChannel = (typeof REGISTERED_CHANNELS)[number];

export const STATE_LABELS: Record<FeedbackState, Message> = {
  received: msg('state.received', 'Chờ phân loại'),
  not_accepted: msg('state.not_accepted', 'Không tiếp nhận'),
  transferred: msg('state.transferred', 'Đã chuyển cơ quan có thẩm quyền'),
  accepted: msg('state.accepted', 'Chờ giao đơn vị'),
  assigned: msg('state.assigned', 'Đã giao đơn vị'),
  answer_drafted: msg('state.answer_drafted', 'Đã có dự thảo trả lời'),
  answer_approved: msg('state.answer_approved', 'Văn phòng đã duyệt'),
  answered: msg('state.answered', 'Đã trả lời'),
  published: msg('state.published', 'Đã công khai'),
};

export type BadgeVariant =
  | 'success'
  | 'primary'
  | 'danger'
  | 'warning'
  | 'neutral'
  | 'secondary'
  | 'alternative';

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

export const CHANNEL_LABELS: Record<Channel, Message> = {
  web: msg('channel.web', 'Cổng thông tin'),
  email: msg('channel.email', 'Thư điện tử'),
  phone: msg('channel.phone', 'Điện thoại'),
  paper: msg('channel.paper', 'Văn bản giấy'),
};

/** The button of a move, by the state it leads to. */
export const TRANSITION_LABELS: Record<FeedbackState, Message> = {
  received: msg('transition.received', 'Chuyển về chờ phân loại'),
  not_accepted: msg('transition.not_accepted', 'Không tiếp nhận'),
  transferred: msg('transition.transferred', 'Chuyển cơ quan có thẩm quyền'),
  accepted: msg('transition.accepted', 'Tiếp nhận xử lý'),
  assigned: msg('transition.assigned', 'Giao đơn vị xử lý'),
  answer_drafted: msg('transition.answer_drafted', 'Gửi dự thảo trả lời'),
  answer_approved: msg('transition.answer_approved', 'Duyệt dự thảo'),
  answered: msg('transition.answered', 'Gửi trả lời'),
  published: msg('transition.published', 'Công khai trả lời'),
};

/** The Office sends a draft back to its unit. */
export const RETURN_LABEL = msg('transition.returned', 'Trả lại đơn vị');

/** What the dialog of a move explains before it is confirmed. */
export const TRANSITION_DESCRIPTIONS: Record<FeedbackState, Message> = {
  received: msg('dialog.description.received', 'Phản ánh, kiến nghị trở về trạng thái chờ phân loại.'),
  not_accepted: msg(
    'dialog.description.not_accepted',
    'Phản ánh, kiến nghị không đáp ứng điều kiện tiếp nhận (Điều 7 Nghị định 20/2008/NĐ-CP): ghi rõ lý do để thông báo cho người phản ánh.'
  ),
  transferred: msg(
    'dialog.description.transferred',
    'Nội dung không thuộc thẩm quyền của Sở: ghi cơ quan có thẩm quyền và số, ký hiệu văn bản chuyển.'
  ),
  accepted: msg(
    'dialog.description.accepted',
    'Phản ánh, kiến nghị thuộc thẩm quyền và đủ điều kiện: tiếp nhận để giao đơn vị xử lý.'
  ),
  assigned: msg(
    'dialog.description.assigned',
    'Chọn đơn vị chủ trì dự thảo trả lời; có thể đặt hạn riêng cho đơn vị (trước hạn trả lời).'
  ),
  answer_drafted: msg(
    'dialog.description.answer_drafted',
    'Dự thảo trả lời được gửi Văn phòng Sở xem xét, duyệt.'
  ),
  answer_approved: msg(
    'dialog.description.answer_approved',
    'Duyệt dự thảo trả lời của đơn vị; sau đó Văn phòng Sở gửi trả lời cho người phản ánh.'
  ),
  answered: msg(
    'dialog.description.answered',
    'Nội dung trả lời được gửi cho người phản ánh; việc xử lý kết thúc.'
  ),
  published: msg(
    'dialog.description.published',
    'Người phản ánh đã đồng ý công khai. Kiểm tra phiên bản công khai: thông tin cá nhân đã được che theo đề xuất, có thể chỉnh sửa thêm.'
  ),
};

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

export const TRANSITION_DONE: Record<FeedbackState, Message> = {
  received: msg('transition.done.received', 'Đã chuyển về trạng thái chờ phân loại.'),
  not_accepted: msg('transition.done.not_accepted', 'Đã ghi nhận không tiếp nhận phản ánh, kiến nghị.'),
  transferred: msg('transition.done.transferred', 'Đã ghi nhận chuyển cơ quan có thẩm quyền.'),
  accepted: msg('transition.done.accepted', 'Đã tiếp nhận xử lý phản ánh, kiến nghị.'),
  assigned: msg('transition.done.assigned', 'Đã giao đơn vị xử lý.'),
  answer_drafted: msg('transition.done.answer_drafted', 'Đã gửi dự thảo trả lời tới Văn phòng Sở.'),
  answer_approved: msg('transition.done.answer_approved', 'Đã duyệt dự thảo trả lời.'),
  answered: msg('transition.done.answered', 'Đã gửi trả lời cho người phản ánh.'),
  published: msg('transition.done.published', 'Đã công khai nội dung trả lời.'),
};

export const RETURN_DONE = msg('transition.done.returned', 'Đã trả lại dự thảo cho đơn vị.');

export type HistoryAction = 'received' | 'registered' | 'transitioned' | 'answer_saved';

export const ACTION_LABELS: Record<HistoryAction, Message> = {
  received: msg('history.action.received', 'Tiếp nhận qua Cổng thông tin'),
  registered: msg('history.action.registered', 'Ghi nhận vào sổ'),
  transitioned: msg('history.action.transitioned', 'Chuyển trạng thái'),
  answer_saved: msg('history.action.answer_saved', 'Lưu dự thảo trả lời'),
};

export const isState = (value: unknown): value is FeedbackState =>
  typeof value === 'string' && (FEEDBACK_STATES as readonly string[]).includes(value);

export const isChannel = (value: unknown): value is Channel =>
  typeof value === 'string' && (CHANNELS as readonly string[]).includes(value);

export const isRegisteredChannel = (value: unknown): value is RegisteredChannel =>
  typeof value === 'string' && (REGISTERED_CHANNELS as readonly string[]).includes(value);

export const isHistoryAction = (value: unknown): value is HistoryAction =>
  typeof value === 'string' && value in ACTION_LABELS;

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
