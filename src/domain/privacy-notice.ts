/**
 * The notice shown before a citizen gives personal data (Decree 13/2023 Art. 11 and 13): purpose, data kept,
 * retention and whom to contact. The organization writes its own in the admin; this default applies until then.
 */
export interface PrivacyNoticeText {
  purpose: string;
  dataKept: string;
  retention: string;
  contact: string;
}

export interface PrivacyNotice {
  version: string;
  text: { vi: PrivacyNoticeText; en: PrivacyNoticeText };
}

export function defaultPrivacyNotice(contact: { vi: string; en: string }): PrivacyNotice {
  return {
    version: 'default-1',
    text: {
      vi: {
        purpose:
          'Tiếp nhận, xử lý và trả lời phản ánh, kiến nghị của cá nhân, tổ chức về quy định hành chính theo Nghị định số 20/2008/NĐ-CP; công khai kết quả trả lời khi người gửi đồng ý, sau khi đã loại bỏ thông tin cá nhân.',
        dataKept:
          'Họ và tên, địa chỉ, số điện thoại hoặc thư điện tử, nội dung phản ánh, kiến nghị và tệp đính kèm.',
        retention:
          'Lưu trữ trong thời gian xử lý và theo quy định về lưu trữ hồ sơ; hết thời hạn, thông tin cá nhân được ẩn danh hóa.',
        contact: contact.vi,
      },
      en: {
        purpose:
          "Receiving, handling and answering individuals' and organizations' feedback on administrative rules under Decree 20/2008/ND-CP; publishing the answer when the sender agrees, with personal data removed.",
        dataKept:
          'Full name, address, phone number or e-mail, the content of the feedback and attached files.',
        retention:
          'Kept while the feedback is handled and as the records law requires; afterwards personal data is anonymised.',
        contact: contact.en,
      },
    },
  };
}
