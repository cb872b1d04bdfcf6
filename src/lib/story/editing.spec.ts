import { describe, expect, it } from 'vitest';
import type { Story } from '../domain/stories';
import { changeSlide, changeStory, deleteSlide, moveSlide, movedAnnouncement, updateBody } from './editing';

const story: Story = {
	id: 7,
	gemeentecode: 'GM0164',
	title: 'Verhaal',
	description: 'Voor de raad',
	version: 3,
	source: 'app',
	createdBy: null,
	createdAt: '2025-01-01 10:00:00+00',
	updatedAt: '2025-01-02 10:00:00+00',
	slides: [
		{ id: 11, title: 'Een', text: 'a', view: '?gemeente=GM0164' },
		{ id: 12, title: 'Twee', text: 'b', view: '?gemeente=GM0164&laag=buurt' },
		{ id: 13, title: 'Drie', text: 'c', view: '?gemeente=GM0164&gebied=WK016402' }
	]
};

describe('story editing', () => {
	it('starts every edit from the version it saw', () => {
		expect(updateBody(story)).toEqual({
			version: 3,
			title: 'Verhaal',
			description: 'Voor de raad',
			slides: story.slides
		});
	});

	it('moves a slide up or down, and not past either end', () => {
		expect(moveSlide(story, 2, -1)!.slides.map((s) => s.id)).toEqual([11, 13, 12]);
		expect(moveSlide(story, 0, 1)!.slides.map((s) => s.id)).toEqual([12, 11, 13]);
		expect(moveSlide(story, 0, -1)).toBeNull();
		expect(moveSlide(story, 2, 1)).toBeNull();
		// The story itself is not changed: the page shows it until the server has agreed.
		expect(story.slides.map((s) => s.id)).toEqual([11, 12, 13]);
	});

	it('changes and deletes one slide by id, keeping the others as they are', () => {
		const changed = changeSlide(story, 12, { title: 'Twee!', text: 'nieuw' });
		expect(changed.slides[1]).toEqual({ id: 12, title: 'Twee!', text: 'nieuw', view: '?gemeente=GM0164&laag=buurt' });
		expect(changed.slides[0]).toEqual(story.slides[0]);
		expect(deleteSlide(story, 11).slides.map((s) => s.id)).toEqual([12, 13]);
		expect(changeStory(story, { title: 'Ander', description: '' })).toMatchObject({ title: 'Ander', description: '', version: 3 });
	});

	it('says where a moved slide went', () => {
		expect(movedAnnouncement('Twee', 1, 3)).toBe('Dia “Twee” staat nu op plaats 1 van 3.');
	});
});
