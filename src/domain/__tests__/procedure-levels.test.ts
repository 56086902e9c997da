import { deriveLevels } from '../procedure-levels';

describe('deriveLevels', () => {
  it.each([
    ['Cơ quan cấp bộ, Ủy ban nhân dân cấp tỉnh', ['ministry', 'province']],
    ['Chủ tịch ủy ban nhân dân cấp tỉnh\nSở Tư Pháp', ['province']],
    ['Bộ Tư pháp\nỦy ban nhân dân cấp tỉnh', ['ministry', 'province']],
    ['Văn phòng Sở Xây dựng', ['province']],
    ['Giám đốc Sở Tư pháp\nTrung tâm trợ giúp pháp lý nhà nước', ['province']],
    ['Bộ, cơ quan ngang Bộ', ['ministry']],
    ['Hội đồng nhân dân tỉnh\nỦy ban nhân dân cấp tỉnh', ['province']],
    ['UBND cấp  xã', ['commune']],
    ['Chủ tịch UBND cấp xã', ['commune']],
    ['Ủy ban nhân dân cấp huyện', ['district']],
    ['Cục Hàng không Việt Nam', ['ministry']],
    ['thi hành án quy định từ Điều 33 đến Điều 39 của Luật TNBTCNN năm 2017 ở cấp Trung ương', ['ministry']],
    ['Chủ đầu tư dự án đầu tư xây dựng nhà ở xã hội', []],
    ['Tổ chức hành nghề công chứng\n\nỦy ban nhân dân cấp xã', ['commune']],
    // "số" (number) folds like "Sở" but is not a department.
    ['Số hóa hồ sơ tại bộ phận một cửa', []],
    ['', []],
  ])('%p → %p', (agencies, levels) => {
    expect(deriveLevels(agencies)).toEqual(levels);
  });
});
